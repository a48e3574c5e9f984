/** A file chooser that also takes a file dropped on it. */
import { useState } from 'react';
import { useT } from '../i18n.ts';

export function FileDrop({ testId, accept, hint, disabled, onFile }: { testId: string; accept: string; hint: string; disabled?: boolean; onFile: (file: File) => void }) {
  const { t } = useT();
  const [over, setOver] = useState(false);
  return (
    <div
      className={`file-drop ${over ? 'over' : ''}`}
      data-testid={`${testId}-drop`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (file && !disabled) onFile(file);
      }}
    >
      <label>
        <span>{t('import.chooseFile')}</span>
        <input
          type="file"
          data-testid={testId}
          accept={accept}
          disabled={disabled}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) onFile(file);
          }}
        />
      </label>
      <span className="muted small">
        {t('import.drop')} · {hint}
      </span>
    </div>
  );
}
