// A paper's Markdown note: Edit / Preview, autosaved (see lib/noteSaver.ts). The preview never renders raw
// HTML (no rehype-raw: react-markdown shows it as text) and links do not navigate.
import { useEffect, useRef, useState, useSyncExternalStore, type MouseEvent } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { noteSaver } from '../lib/notes.js';
import type { NoteSaveState } from '../lib/noteSaver.js';

const SAVE_LABEL: Record<NoteSaveState, string> = {
  idle: '',
  pending: 'Saving…',
  saving: 'Saving…',
  saved: 'Saved',
  error: 'Save failed — retrying',
};

const stopNavigation = (event: MouseEvent) => event.preventDefault();

const markdownComponents: Components = {
  a: ({ href, children }) => (
    <a href={href} rel="noopener noreferrer" title={href} onClick={stopNavigation}>
      {children}
    </a>
  ),
  // The pane's title is its h2: a note's own headings sit below it (# → h3 … ####+ → h6), never a second h1.
  h1: ({ children }) => <h3>{children}</h3>,
  h2: ({ children }) => <h4>{children}</h4>,
  h3: ({ children }) => <h5>{children}</h5>,
  h4: ({ children }) => <h6>{children}</h6>,
  h5: ({ children }) => <h6>{children}</h6>,
  // No remote images (the CSP blocks them anyway): show what the image is.
  img: ({ alt, src }) => <span className="md-image" title={typeof src === 'string' ? src : undefined}>[image{alt ? `: ${alt}` : ''}]</span>,
};

type NoteMode = 'edit' | 'preview';
/** The mode each paper's note was last left in (this session), so coming back resumes it. */
const lastMode = new Map<string, NoteMode>();

export function NoteEditor({ paperId, serverNote }: { paperId: string; serverNote: string }) {
  const [text, setText] = useState(() => noteSaver.pendingText(paperId) ?? serverNote);
  const [mode, setModeState] = useState<NoteMode>(() =>
    noteSaver.pendingText(paperId) !== undefined || serverNote.trim() === '' ? 'edit' : (lastMode.get(paperId) ?? 'preview'),
  );
  const setMode = setModeState;
  useEffect(() => {
    lastMode.set(paperId, mode);
  }, [paperId, mode]);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const focusOnEdit = useRef(false);
  const saveState = useSyncExternalStore(
    (listener) => noteSaver.subscribe((id) => id === paperId && listener()),
    () => noteSaver.state(paperId),
  );

  // The note changed elsewhere (another window, an undo): follow it unless the user is typing here.
  useEffect(() => {
    if (noteSaver.pendingText(paperId) === undefined && document.activeElement !== textareaRef.current) setText(serverNote);
  }, [paperId, serverNote]);

  // Switching papers (this editor unmounts): save what was typed right away.
  useEffect(() => () => noteSaver.flush(paperId), [paperId]);

  useEffect(() => {
    if (mode === 'edit' && focusOnEdit.current) {
      focusOnEdit.current = false;
      textareaRef.current?.focus();
    }
  }, [mode]);

  const edit = () => {
    focusOnEdit.current = true;
    setMode('edit');
  };

  return (
    <section className="note" aria-labelledby={`note-heading-${paperId}`}>
      <div className="note-header">
        <h3 id={`note-heading-${paperId}`} className="section-heading">
          Note
        </h3>
        <div className="note-tabs" role="group" aria-label="Note view">
          <button type="button" className="note-tab" aria-pressed={mode === 'edit'} onClick={edit}>
            Edit
          </button>
          <button
            type="button"
            className="note-tab"
            aria-pressed={mode === 'preview'}
            onClick={() => {
              noteSaver.flush(paperId);
              setMode('preview');
            }}
          >
            Preview
          </button>
        </div>
        <span className={`save-state ${saveState}`} role="status">
          {SAVE_LABEL[saveState]}
        </span>
      </div>
      {mode === 'edit' ? (
        <textarea
          ref={textareaRef}
          className="note-textarea"
          aria-label="Note"
          placeholder="Write a note in Markdown… (saved automatically)"
          value={text}
          spellCheck
          onChange={(event) => {
            setText(event.target.value);
            noteSaver.edit(paperId, event.target.value);
          }}
          onBlur={() => noteSaver.flush(paperId)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              // Esc leaves the editor (to the preview) instead of clearing the list selection.
              event.stopPropagation();
              noteSaver.flush(paperId);
              setMode('preview');
            }
          }}
        />
      ) : (
        <div className="note-preview markdown" onDoubleClick={edit} title="Double-click to edit">
          {text.trim() === '' ? (
            <p className="muted">No note yet. Press Edit to write one.</p>
          ) : (
            <Markdown remarkPlugins={[remarkGfm]} components={markdownComponents}>
              {text}
            </Markdown>
          )}
        </div>
      )}
    </section>
  );
}
