// Applies a theme the reader chose earlier before the first paint, so there is no flash.
try {
  var t = localStorage.getItem('cairn-theme');
  if (t === 'dark' || t === 'light') document.documentElement.dataset.theme = t;
} catch (e) {}
