/**
 * Text as a Markdown code span of a request body: Markdown is not
 * interpreted inside one (so nothing is escaped), backticks and line breaks
 * are dropped so the text cannot close the span or start a block.
 *
 * @public
 */
export function inlineCode(text: string): string {
  return `\`${text.replace(/[`\r\n]/g, '')}\``;
}
