// A classic script in <head>, run before the elements render: the language chosen on an earlier
// page, so that nothing is first drawn in the other one. (js/i18n.js does the switching.)
try {
  if (localStorage.getItem('egov-portal-lang') === 'en') document.documentElement.lang = 'en';
} catch {
  // Storage blocked: Vietnamese.
}
