/** A calendar date as the API and the page's address write it: YYYY-MM-DD. Zod-free: the client imports it too. */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
