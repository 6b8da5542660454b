/** Lower-cases the first letter for use mid-sentence, keeping acronyms such as "CCCD" intact. */
export function lowerFirst(text: string): string {
  return /^.\p{Lu}/u.test(text) ? text : text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}
