/**
 * Sorts in place by a Go-style `less`, stably. kubectl sorts with Go's sort.Sort, which is stable
 * up to 12 elements (it insertion-sorts those); beyond that equal rows may come out in another order.
 */
export function goSort<T>(items: T[], less: (a: T, b: T) => boolean): void {
  items.sort((a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0));
}
