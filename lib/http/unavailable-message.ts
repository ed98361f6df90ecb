// Pure (no server imports): the console API's 503 sentence and the error digest that lets a
// server-rendered page's error boundary (a client component) show it. In production Next
// replaces a Server Component error's message before it reaches error.tsx, but keeps a digest
// the error already carries; see lib/http/page-errors.ts.
export const UNAVAILABLE_MESSAGE = "The service is temporarily unavailable (the database cannot be reached). Please try again in a moment.";

export const DATABASE_UNAVAILABLE_DIGEST = "DATABASE_UNAVAILABLE";
