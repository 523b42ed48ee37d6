// Placeholder until the page is built (issue 4).
export function ActivityNewPage() {
  return null;
}
export function ActivityEditPage() {
  return null;
}
