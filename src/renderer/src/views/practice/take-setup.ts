import type { TakeSetupInput } from '../../../../shared/channels/recording';
import { questionText, type PracticeSetup } from '../../stores/practice-setup';
import { useStories } from '../../stores/stories';

/** The take set-up to send, or the first thing still missing (shown next to the start button). */
export function buildTakeSetup(
  setup: PracticeSetup,
): { ok: true; value: TakeSetupInput } | { ok: false; reason: string } {
  const question = questionText(setup);
  if (!question) return { ok: false, reason: 'Write your question out in full, or pick one from the list.' };
  const story = useStories.getState().stories.find((s) => s.id === setup.storyId);
  if (!story) return { ok: false, reason: 'Choose the story this take tells, or add a new one.' };
  return {
    ok: true,
    value: {
      question,
      ...(setup.questionId !== 'custom' ? { questionId: setup.questionId } : {}),
      story: story.name,
      storyId: story.id,
      targetSec: setup.lengthSec,
    },
  };
}
