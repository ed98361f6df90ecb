// Pure constants the browser may import too (the form's expiry choices).
export const MAX_API_KEY_DAYS = 365;
export const API_KEY_EXPIRY_CHOICES = [30, 90, 180, 365] as const;
