/**
 * What opens a line of typed or plain text and makes it an entry rather than prose: a bullet or
 * number, a check box, a clock time. The typed-answer reader and the plain-text document reader
 * both read lines by these.
 */

/** A bullet or number ("-", "*", "•", "+", "1.", "2)") and the item's text. */
export const BULLET = /^\s*(?:[-*•+]|\d{1,3}[.)])\s+(.*)$/;
/** A check box opening an item ("[ ]", "[x]") and the task's text. */
export const TASK = /^\[( |x|X)\]\s+(.*)$/;
/** A clock time, with its date and zone if any ("14:02 UTC — …", "[09:15] …"), and the line's text. */
export const TIME =
  /^\s*\[?((?:\d{4}-\d{2}-\d{2}[ T])?\d{1,2}:\d{2}(?::\d{2})?(?:\s?(?:am|pm|AM|PM))?(?:\s?(?:UTC|GMT|Z|[A-Z]{2,4}T))?)\]?\s*(?:[—–|:-]+\s*|\s+)(.+)$/;
