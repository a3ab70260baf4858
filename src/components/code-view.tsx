/** A short code listing whose highlighted lines follow the walkthrough. */
export function CodeView({ title, lines, highlight }: { title: string; lines: string[]; highlight: number[] }) {
  return (
    <figure className="code-figure">
      <figcaption>{title}</figcaption>
      <pre className="code" aria-label={title}>
        {lines.map((line, i) => (
          <span
            key={i}
            className={highlight.includes(i) ? 'line hl' : 'line'}
            aria-current={highlight.includes(i) ? 'true' : undefined}
          >
            {line || ' '}
          </span>
        ))}
      </pre>
    </figure>
  );
}
