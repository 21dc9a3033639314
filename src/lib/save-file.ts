// Hands a file made in the page to the browser's downloads: Blob, object URL, <a download>, and
// the URL revoked once the download has started.
export function saveFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later, not at once: the download reads the Blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
