// File intake: the visible "open" button with its (visually hidden) file input, and
// drag-and-drop anywhere on the page with an overlay while a file is dragged over.
import { useEffect, useRef, useState } from 'react';
import { ACCEPTED_EXTENSIONS } from '../core/io/read.ts';
import { useT } from './context.ts';

export function FileButton({ onFile, disabled }: { onFile: (f: File) => void; disabled?: boolean }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="primary" onClick={() => input.current?.click()} disabled={disabled}>
        {t('file.open')}
      </button>
      <input
        ref={input}
        className="visually-hidden"
        type="file"
        aria-hidden="true"
        tabIndex={-1}
        data-testid="file-input"
        accept={ACCEPTED_EXTENSIONS.join(',')}
        disabled={disabled}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // choosing the same file again must fire change again
          if (file) onFile(file);
        }}
      />
    </>
  );
}

function hasFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}

export function DropOverlay({ onFile }: { onFile: (f: File) => void }) {
  const t = useT();
  const [active, setActive] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setActive(true);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setActive(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setActive(false);
      const file = e.dataTransfer?.files?.[0];
      if (file) onFile(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [onFile]);
  if (!active) return null;
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div>{t('file.dropOverlay')}</div>
    </div>
  );
}
