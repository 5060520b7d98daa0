/**
 * HTML escaping for every piece of text that comes from data (category names, file names, street
 * and beat names, import notes): police extracts may contain markup, and the report must show it
 * as text, never run it. Escapes the five characters that matter in element content and in
 * quoted attribute values.
 */
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `text` with & < > " ' replaced by entities; safe in element content and quoted attributes. */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (ch) => entities[ch]);
}
