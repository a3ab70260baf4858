/**
 * Points in 3-D drawn by a plain orthographic projection the learner can turn: drag, or focus
 * the view and use the arrow keys (15° a press). Pure geometry in `project`; no WebGL.
 */
import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { formatNumber } from './format.ts';

export interface Angles {
  /** Turn about the vertical axis, degrees. */
  yaw: number;
  /** Tilt towards the viewer, degrees. */
  pitch: number;
}

/** Screen position (x right, y up) and depth of a 3-D point seen from `a`. */
export function project([x, y, z]: readonly number[], a: Angles): [number, number, number] {
  const cy = Math.cos((a.yaw * Math.PI) / 180),
    sy = Math.sin((a.yaw * Math.PI) / 180);
  const cp = Math.cos((a.pitch * Math.PI) / 180),
    sp = Math.sin((a.pitch * Math.PI) / 180);
  const x1 = cy * x + sy * z;
  const z1 = -sy * x + cy * z;
  return [x1, cp * y - sp * z1, sp * y + cp * z1];
}

export interface View3dProps {
  label: string;
  points: number[][];
  names: readonly string[];
  links: [number, number][];
  size?: number;
}

const STEP = 15;

export function View3d({ label, points, names, links, size = 260 }: View3dProps) {
  const [angles, setAngles] = useState<Angles>({ yaw: 30, pitch: 20 });
  const drag = useRef<{ x: number; y: number; a: Angles } | null>(null);
  const turn = (dyaw: number, dpitch: number) =>
    setAngles((a) => ({ yaw: (a.yaw + dyaw + 360) % 360, pitch: Math.max(-85, Math.min(85, a.pitch + dpitch)) }));
  const onKey = (e: KeyboardEvent) => {
    const d = { ArrowLeft: [-STEP, 0], ArrowRight: [STEP, 0], ArrowUp: [0, STEP], ArrowDown: [0, -STEP] }[e.key];
    if (!d) return;
    e.preventDefault();
    turn(d[0], d[1]);
  };
  const onDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture?.(e.pointerId);
    drag.current = { x: e.clientX, y: e.clientY, a: angles };
  };
  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || e.buttons === 0) return;
    setAngles({
      yaw: (d.a.yaw + (e.clientX - d.x) * 0.6 + 360) % 360,
      pitch: Math.max(-85, Math.min(85, d.a.pitch - (e.clientY - d.y) * 0.6)),
    });
  };
  const scale = size * 0.32;
  const flat = points.map((p) => project(p, angles));
  const at = (i: number) => [size / 2 + flat[i][0] * scale, size / 2 - flat[i][1] * scale] as const;
  const order = flat
    .map((p, i) => [p[2], i] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, i]) => i);
  return (
    <div
      className="view-3d"
      tabIndex={0}
      role="group"
      aria-roledescription="rotatable 3-D view"
      onKeyDown={onKey}
      onPointerDown={onDown}
      onPointerMove={onMove}
      onPointerUp={() => {
        drag.current = null;
      }}
      aria-label={`${label}. Turned ${Math.round(angles.yaw)}° around and tilted ${Math.round(angles.pitch)}°; drag or use the arrow keys to turn it.`}
      data-yaw={Math.round(angles.yaw)}
      data-pitch={Math.round(angles.pitch)}
    >
      <svg width={size} height={size} aria-hidden="true">
        {links.map(([a, b]) => (
          <line key={`${a}${b}`} className="view3d-link" x1={at(a)[0]} y1={at(a)[1]} x2={at(b)[0]} y2={at(b)[1]} />
        ))}
        {order.map((i) => (
          <g key={i}>
            <circle className="view3d-point" cx={at(i)[0]} cy={at(i)[1]} r={8 + flat[i][2] * 1.5} />
            <text className="view3d-label" x={at(i)[0] + 11} y={at(i)[1] - 9}>
              {names[i]}
            </text>
          </g>
        ))}
      </svg>
      <p className="view3d-angles" aria-hidden="true">
        turn {formatNumber(Math.round(angles.yaw))}°, tilt {formatNumber(Math.round(angles.pitch))}°
      </p>
    </div>
  );
}
