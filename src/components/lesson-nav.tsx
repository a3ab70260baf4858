import { LAYERS_STEPS, NEGATOR_STEPS, REDUCE_STEPS, hrefFor, isLayers, isReduce, type Route } from '../router.ts';
import { useLesson } from '../store/lesson-store.ts';

/** One later lesson in the navigation: a single link to its first step, ticked when every step was opened. */
function LessonGroup({
  label,
  title,
  steps,
  here,
}: {
  label: string;
  title: string;
  steps: readonly { id: Route }[];
  here: boolean;
}) {
  const visited = useLesson((s) => s.visited);
  const done = steps.every((s) => visited.includes(s.id));
  return (
    <ol aria-label={label} className="lesson-2">
      <li>
        <a href={hrefFor(steps[0].id)} aria-current={here ? 'page' : undefined}>
          {title}
          {done && !here && (
            <span className="done-mark" aria-hidden="true">
              ✓
            </span>
          )}
        </a>
      </li>
    </ol>
  );
}

/**
 * The lessons' steps: where you are and where you have been. Lesson 1 (the negator and its
 * Playground), lesson 2 (Reduce) and lesson 3 (Layers) are groups of the same navigation.
 */
export function LessonNav({ route }: { route: Route }) {
  const visited = useLesson((s) => s.visited);
  const items = [...NEGATOR_STEPS, { id: 'playground', title: 'Playground' } as const];
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
      <LessonGroup
        label="The Network playground"
        title="Network"
        steps={[{ id: 'network' }]}
        here={route === 'network'}
      />
      <LessonGroup
        label="Lesson 2: dimensionality reduction"
        title="Reduce"
        steps={REDUCE_STEPS}
        here={isReduce(route)}
      />
      <LessonGroup
        label="Lesson 3: multi-layer perceptrons"
        title="Layers"
        steps={LAYERS_STEPS}
        here={isLayers(route)}
      />
    </nav>
  );
}
