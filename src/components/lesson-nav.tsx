import { NEGATOR_STEPS, hrefFor, type Route } from '../router.ts';
import { useLesson } from '../store/lesson-store.ts';

/** The lesson's step list: where you are, where you have been, and the Playground. */
export function LessonNav({ route }: { route: Route }) {
  const visited = useLesson((s) => s.visited);
  const items = [...NEGATOR_STEPS, { id: 'playground', title: 'Playground' } as const];
  return (
    <nav className="lesson-nav" aria-label="Lesson">
      <ol>
        {items.map((s) => (
          <li key={s.id}>
            <a href={hrefFor(s.id)} aria-current={route === s.id ? 'page' : undefined}>
              {s.title}
              {visited.includes(s.id) && route !== s.id && <span className="done-mark" aria-hidden="true">✓</span>}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
