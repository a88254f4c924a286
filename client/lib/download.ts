/** Save a URL's content (data: or blob:) as a file, through a temporary link. */
export function saveAs(href: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
}
