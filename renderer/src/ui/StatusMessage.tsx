/** A polite confirmation after an action ("Saved"); read out by screen readers, not urgent. */
export function StatusMessage({ text }: { text: string | null }) {
  return (
    <p className="status-message" role="status">
      {text}
    </p>
  );
}
