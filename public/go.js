// Permanent links (/go/<ID>/): on to the document at once, keeping any #fragment.
location.replace(document.currentScript.dataset.target + location.hash);
