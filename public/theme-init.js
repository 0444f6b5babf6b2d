// Applies a theme the reader chose earlier before the first paint, so there is no flash.
// Scripts run: menus may fold away (without JavaScript every link stays in sight).
document.documentElement.classList.add('js');
try {
  var t = localStorage.getItem('cairn-theme');
  if (t === 'dark' || t === 'light') document.documentElement.dataset.theme = t;
} catch (e) {}
