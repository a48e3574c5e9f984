/**
 * A first-use cost of the browser's own machinery, paid while the app's code
 * is still downloading (the page's main thread idles then) rather than in the
 * first render: the first number formatter made loads the ICU data, about
 * 35 ms in headless Chromium whatever the locale.
 */
export function warmUp(): void {
  new Intl.NumberFormat(document.documentElement.lang || undefined).format(1234.5);
}
