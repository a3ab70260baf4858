/** The Playground: the learner's own pairs. Built out in its own issue. */
export function PlaygroundPage() {
  return (
    <section className="page" aria-labelledby="pg-title">
      <h1 id="pg-title">Playground</h1>
      <p className="lede">Train the perceptron on input/target pairs of your own.</p>
    </section>
  );
}
