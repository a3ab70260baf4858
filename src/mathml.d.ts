// Native MathML in JSX: React renders these tags, but @types/react does not list them.
import 'react';

type MathProps = React.HTMLAttributes<HTMLElement> & { display?: 'block' | 'inline' };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      math: MathProps;
      mrow: MathProps;
      mi: MathProps;
      mn: MathProps;
      mo: MathProps;
      msup: MathProps;
      msub: MathProps;
      mfrac: MathProps;
      mover: MathProps;
      msqrt: MathProps;
      mtext: MathProps;
    }
  }
}
