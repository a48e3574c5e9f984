/** A number field that applies its text on blur or Enter (not on every keystroke), then shows the value it was given again. */
import { useState } from 'react';

export function CommitNumberInput({ value, testId, onCommit }: { value: number; testId: string; onCommit: (raw: string) => void }) {
  const [text, setText] = useState<string | null>(null);
  const commit = (raw: string) => {
    onCommit(raw);
    setText(null);
  };
  return (
    <input
      type="number"
      data-testid={testId}
      value={text ?? String(value)}
      step="any"
      onChange={(e) => setText(e.target.value)}
      onBlur={(e) => commit(e.target.value)}
      onKeyDown={(e) => e.key === 'Enter' && commit((e.target as HTMLInputElement).value)}
    />
  );
}
