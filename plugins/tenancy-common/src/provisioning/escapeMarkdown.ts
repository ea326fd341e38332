/**
 * Makes user text safe to embed in a pull request body: Markdown and HTML
 * characters are escaped and line breaks folded, so it renders as plain text.
 *
 * @public
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|<>&]/g, c => `\\${c}`)
    .replace(/\r?\n/g, ' ');
}
