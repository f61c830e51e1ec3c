/**
 * Response keys of answers about one order. An order's answer to a survey counts once, whichever
 * way it comes first (the thank-you page or a follow-up email's score link): both store it under
 * the same key, which the database keeps unique.
 */
export const orderAnswerKey = (surveyId: string, orderId: string) =>
  `order:${surveyId}:${orderId}`;

/**
 * Every key an order's answer may be stored under: today's, and those each channel used before
 * they shared one (thank-you page, email link), so answers given then still count.
 */
export const orderAnswerKeys = (surveyId: string, orderId: string) => [
  orderAnswerKey(surveyId, orderId),
  `thankyou:${surveyId}:${orderId}`,
  `email:${surveyId}:o${orderId}`,
];
