import { DESCRIPTION_FRAGMENT, setLadderTitle, setLadderTrack, titleText, trackText } from '../domain.ts';
import { useCanEdit } from '../auth/use-can-edit.ts';
import { useCollab } from '../collab/CollabContext.tsx';
import { useYText } from '../collab/use-y-text.ts';
import { RichTextCell } from '../ladder/matrix/RichTextCell.tsx';
import { InlineText } from '../ui/InlineText.tsx';

/**
 * The ladder's own fields inside a proposal (title, track, description): live in the proposal's
 * document, so renaming the ladder is part of the proposal and of its diff.
 */
export function ProposalLadderFields() {
  const { doc } = useCollab();
  const canEdit = useCanEdit();
  const title = useYText(titleText(doc), `${doc.guid}:title`);
  const track = useYText(trackText(doc), `${doc.guid}:track`);
  return (
    <div className="proposal-ladder-fields">
      <div className="ladder-title-line">
        <InlineText
          as="div"
          className="ladder-title proposal-ladder-title"
          value={title}
          label="Ladder title"
          required
          readOnly={!canEdit}
          maxLength={500}
          onCommit={(next) => setLadderTitle(doc, next)}
        />
        <InlineText
          value={track}
          label="Track"
          readOnly={!canEdit}
          placeholder="Add a track"
          className="ladder-track"
          maxLength={500}
          onCommit={(next) => setLadderTrack(doc, next)}
        />
      </div>
      <RichTextCell
        fragmentName={DESCRIPTION_FRAGMENT}
        label="ladder description"
        placeholder="Add a description of this ladder"
        className="ladder-description"
      />
    </div>
  );
}
