import { useCallback, useEffect, useImperativeHandle, useRef, useState, type PointerEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';

type Point = { x: number; y: number };

const WIDTH = 560;
const HEIGHT = 220;
/** A drawn line this short is a tap, not a signature. */
const MIN_POINTS = 2;

export interface SignaturePadHandle {
  /** The drawing as a PNG (base64, without the data: prefix), or null when nothing is drawn. */
  toPngBase64(): string | null;
}

/**
 * A signature drawn with a finger, stylus or mouse (pointer events cover all three, and
 * signature tablets that act as a pen). Strokes are kept so the last one can be undone; the
 * canvas is redrawn from them, at the screen's pixel density so the line stays smooth.
 */
export function SignaturePad({ ref, onChange }: { ref: Ref<SignaturePadHandle>; onChange(strokes: number): void }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<Point[][]>([]);
  const drawing = useRef<Point[] | null>(null);
  const [count, setCount] = useState(0);

  const redraw = useCallback(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    const scale = el.width / WIDTH;
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#0b2545';
    for (const s of [...strokes.current, ...(drawing.current ? [drawing.current] : [])]) {
      const [first, ...rest] = s;
      if (!first) continue;
      ctx.beginPath();
      ctx.moveTo(first.x, first.y);
      for (const p of rest.length ? rest : [first]) ctx.lineTo(p.x, p.y);
      ctx.stroke();
    }
  }, []);

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    // Drawn in 560×220 units, rendered at the box's real size and pixel density.
    const dpr = Math.max(1, Math.min(3, window.devicePixelRatio || 1));
    const cssWidth = el.getBoundingClientRect().width || WIDTH;
    el.width = Math.round(cssWidth * dpr);
    el.height = Math.round((cssWidth * dpr * HEIGHT) / WIDTH);
    redraw();
  }, [redraw]);

  const changed = (next: number) => {
    setCount(next);
    onChange(next);
  };

  useImperativeHandle(ref, () => ({
    toPngBase64: () => (strokes.current.length > 0 ? (canvas.current?.toDataURL('image/png').split(',')[1] ?? null) : null),
  }));

  const at = (e: PointerEvent<HTMLCanvasElement>): Point => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * WIDTH, y: ((e.clientY - r.top) / r.height) * HEIGHT };
  };

  const onDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = [at(e)];
  };
  const onMove = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    drawing.current.push(at(e));
    redraw();
  };
  const onUp = () => {
    const s = drawing.current;
    drawing.current = null;
    if (s && s.length >= MIN_POINTS) strokes.current = [...strokes.current, s];
    redraw();
    changed(strokes.current.length);
  };
  const undo = () => {
    strokes.current = strokes.current.slice(0, -1);
    redraw();
    changed(strokes.current.length);
  };
  const clear = () => {
    strokes.current = [];
    redraw();
    changed(0);
  };

  return (
    <div className="signature-pad">
      <p id="signature-hint" className="field-hint">
        {t('consent:pad.hint')}
      </p>
      <canvas
        ref={canvas}
        className="signature-canvas"
        role="img"
        aria-label={t('consent:pad.label')}
        aria-describedby="signature-hint"
        onPointerDown={onDown}
        onPointerMove={onMove}
        onPointerUp={onUp}
        onPointerCancel={onUp}
      />
      <div className="signature-tools">
        <button type="button" onClick={undo} disabled={count === 0}>
          {t('consent:pad.undo')}
        </button>
        <button type="button" onClick={clear} disabled={count === 0}>
          {t('consent:pad.clear')}
        </button>
        <span role="status" className="signature-count">
          {count === 0 ? t('consent:pad.empty') : t('consent:pad.strokes', { count })}
        </span>
      </div>
    </div>
  );
}
