import * as z from 'zod';

/**
 * The parts of the webhook formats Cairn's payloads use, with the limits the services enforce:
 * Slack incoming webhooks (Block Kit: at most 50 blocks; a header's plain text at most 150
 * characters; a section's mrkdwn at most 3,000) and Microsoft Teams incoming webhooks through
 * Workflows (a message with one Adaptive Card attachment).
 */
const plainText = (max: number) => z.strictObject({ type: z.literal('plain_text'), text: z.string().min(1).max(max), emoji: z.boolean().optional() });
export const slackWebhookPayload = z.strictObject({
  text: z.string().min(1).max(40_000),
  blocks: z
    .array(
      z.discriminatedUnion('type', [
        z.strictObject({ type: z.literal('header'), text: plainText(150) }),
        z.strictObject({ type: z.literal('section'), text: z.strictObject({ type: z.literal('mrkdwn'), text: z.string().min(1).max(3000) }) }),
      ]),
    )
    .max(50),
});

export const teamsWebhookPayload = z.strictObject({
  type: z.literal('message'),
  attachments: z
    .array(
      z.strictObject({
        contentType: z.literal('application/vnd.microsoft.card.adaptive'),
        contentUrl: z.null(),
        content: z.strictObject({
          $schema: z.literal('http://adaptivecards.io/schemas/adaptive-card.json'),
          type: z.literal('AdaptiveCard'),
          version: z.enum(['1.0', '1.1', '1.2', '1.3', '1.4', '1.5']),
          body: z
            .array(
              z.strictObject({
                type: z.literal('TextBlock'),
                text: z.string().min(1),
                wrap: z.boolean().optional(),
                weight: z.enum(['Default', 'Lighter', 'Bolder']).optional(),
                size: z.enum(['Default', 'Small', 'Medium', 'Large', 'ExtraLarge']).optional(),
                spacing: z.enum(['None', 'Small', 'Default', 'Medium', 'Large', 'ExtraLarge', 'Padding']).optional(),
              }),
            )
            .min(1),
        }),
      }),
    )
    .length(1),
});
