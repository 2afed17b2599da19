/** A web link or a bare domain: new members cannot post these yet (spam and scams target new accounts). */
const LINK = /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+\.(?:com|net|org|io|co|me|ly|gg|info|biz|xyz|app|link|site|shop|ru|uk|us|ca|au)(?:\/\S*)?\b/i;

export function containsLink(text: string): boolean {
  return LINK.test(text);
}
