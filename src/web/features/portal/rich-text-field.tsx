import '@mantine/tiptap/styles.css';
import { Input } from '@mantine/core';
import { Link, RichTextEditor, type RichTextEditorLabels } from '@mantine/tiptap';
import { useEditor } from '@tiptap/react';
import { useState } from 'react';
import StarterKit from '@tiptap/starter-kit';
import { Figure } from './figure-node';
import { InsertImageControl } from './insert-image-control';

const labels: Partial<RichTextEditorLabels> = {
  boldControlLabel: 'Chữ đậm',
  italicControlLabel: 'Chữ nghiêng',
  underlineControlLabel: 'Gạch chân',
  strikeControlLabel: 'Gạch ngang',
  clearFormattingControlLabel: 'Xóa định dạng',
  linkControlLabel: 'Chèn liên kết',
  unlinkControlLabel: 'Bỏ liên kết',
  bulletListControlLabel: 'Danh sách dấu chấm',
  orderedListControlLabel: 'Danh sách đánh số',
  blockquoteControlLabel: 'Trích dẫn',
  hrControlLabel: 'Đường kẻ ngang',
  h2ControlLabel: 'Tiêu đề mục',
  h3ControlLabel: 'Tiêu đề mục nhỏ',
  undoControlLabel: 'Hoàn tác',
  redoControlLabel: 'Làm lại',
  linkEditorInputLabel: 'Địa chỉ liên kết',
  linkEditorInputPlaceholder: 'https://…',
  linkEditorExternalLink: 'Mở ở thẻ mới',
  linkEditorInternalLink: 'Mở ở thẻ hiện tại',
  linkEditorSave: 'Lưu',
};

/**
 * The article body in Mantine's Tiptap editor: paragraphs, sub-headings, emphasis, lists, quotes, links and photos, the
 * tags the server's allow-list keeps. `onChange` fires on the writer's edits only (not on loading the content).
 */
/** Kept stable across renders: the editor compares its options on every render and reconfigures itself when they differ. */
const extensions = [StarterKit.configure({ link: false, heading: { levels: [2, 3] }, code: false, codeBlock: false }), Link, Figure];

export function RichTextField({
  label,
  value,
  onChange,
  error,
  categoryId = null,
  articleId,
}: {
  label: string;
  value: string;
  onChange: (html: string) => void;
  error?: string;
  /** The section the article is in: photos are uploaded for it (the insert-image button waits for one). */
  categoryId?: number | null;
  articleId?: number;
}) {
  // The content is read once: afterwards the editor owns it and reports changes through onChange.
  const [content] = useState(value);
  const [editorProps] = useState(() => ({ attributes: { 'aria-label': label, 'aria-multiline': 'true', role: 'textbox' } }));
  const editor = useEditor({
    extensions,
    content,
    shouldRerenderOnTransaction: false,
    onUpdate: ({ editor: current }) => onChange(current.getHTML()),
    editorProps,
  });
  return (
    <Input.Wrapper label={label} error={error} required>
      <RichTextEditor editor={editor} labels={labels}>
        <RichTextEditor.Toolbar sticky stickyOffset={60}>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Bold />
            <RichTextEditor.Italic />
            <RichTextEditor.Underline />
            <RichTextEditor.Strikethrough />
            <RichTextEditor.ClearFormatting />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.H2 />
            <RichTextEditor.H3 />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Blockquote />
            <RichTextEditor.Hr />
            <RichTextEditor.BulletList />
            <RichTextEditor.OrderedList />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Link />
            <RichTextEditor.Unlink />
            <InsertImageControl categoryId={categoryId} articleId={articleId} />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Undo />
            <RichTextEditor.Redo />
          </RichTextEditor.ControlsGroup>
        </RichTextEditor.Toolbar>
        <RichTextEditor.Content />
      </RichTextEditor>
    </Input.Wrapper>
  );
}
