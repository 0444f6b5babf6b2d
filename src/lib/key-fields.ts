import { collections, type CollectionDocument, type CollectionName } from '../collections/index.ts';
import type { Cell, KeyField } from '../collections/descriptor.ts';

/**
 * The few fields that say the most about a document, as text: what an embed card, an unfurl
 * or a ticket integration shows beside the title. `name` turns team and service IDs into names.
 */
export function keyFields<C extends CollectionName>(doc: CollectionDocument<C>, today: string, name: (id: string) => string = (id) => id): KeyField[] {
  return collections[doc.collection].keyFields(doc.data, today, (ids) => (ids.length ? ids.map(name).join(', ') : 'none'));
}

/** A document's row in its collection's table: the cells under the descriptor's column heads. */
export function tableCells<C extends CollectionName>(doc: CollectionDocument<C>, today: string): Cell[] {
  return collections[doc.collection].columns.cells(doc.data, today);
}
