import { NEGATOR_STEPS, REDUCE_STEPS, hrefFor, isReduce, type Route } from '../router.ts';
import { useLesson } from '../store/lesson-store.ts';

/**
 * The lessons' steps: where you are and where you have been. Lesson 1 (the negator and its
 * Playground) and lesson 2 (Reduce) are two groups of the same navigation.
 */
export function LessonNav({ route }: { route: Route }) {
  const visited = useLesson((s) => s.visited);
  const items = [...NEGATOR_STEPS, { id: 'playground', title: 'Playground' } as const];
  const reduceDone = REDUCE_STEPS.every((s) => visited.includes(s.id));
  return (
    <nav className="lesson-nav" aria-label="Lesson">
      <ol aria-label="Lesson 1: the number negator">
        {items.map((s) => (
          <li key={s.id}>
            <a href={hrefFor(s.id)} aria-current={route === s.id ? 'page' : undefined}>
              {s.title}
              {visited.includes(s.id) && route !== s.id && (
                <span className="done-mark" aria-hidden="true">
                  ✓
                </span>
              )}
            </a>
          </li>
        ))}
      </ol>
      <ol aria-label="Lesson 2: dimensionality reduction" className="lesson-2">
        <li>
          <a href={hrefFor('reduce')} aria-current={isReduce(route) ? 'page' : undefined}>
            Reduce
            {reduceDone && !isReduce(route) && (
              <span className="done-mark" aria-hidden="true">
                ✓
              </span>
            )}
          </a>
        </li>
      </ol>
    </nav>
  );
}
