/**
 * The marks of the view on screen. Marks belong to one view on one context: another resource,
 * namespace or context clears them (stored, so coming back to the view does not bring old marks back).
 */
import { useState } from 'react';
import { emptyMarks, marksFor, type Marks } from '../../explorer/marks.ts';
import type { ViewEntry } from '../../explorer/view-entry.ts';

/** The view's marks and their setter. */
export function useViewMarks(context: string, entry: ViewEntry): [Marks, (update: (before: Marks) => Marks) => void] {
  const [storedMarks, setMarks] = useState<Marks>(() => emptyMarks(context, entry));
  const marks = marksFor(storedMarks, context, entry);
  if (marks !== storedMarks) setMarks(marks);
  return [marks, setMarks];
}
