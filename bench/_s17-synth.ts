import { loadCorpus } from './corpus';
import { classifySentences, DEFAULT_CLASSIFIER_MODEL } from '../src/core/analysis/classify';
import { cachedVectors } from './layer-model/corpus-vectors';
const sets = process.argv[2]!.split(',');
const weights = process.argv[3]!.split(',').map(Number);
for (const name of sets) {
  const dir = name === 'dev' ? '../shared/corpus/dev' : `tests/fixtures/${name}`;
  const stories = loadCorpus(dir);
  const vectors = await cachedVectors(stories.flatMap((s) => s.sentences.map((x) => x.text)));
  for (const w of weights) {
    let ok = 0, n = 0;
    for (const st of stories) {
      const texts = st.sentences.map((s) => s.text);
      const ctx = DEFAULT_CLASSIFIER_MODEL.context!;
      const pred = classifySentences(texts, {}, { ...DEFAULT_CLASSIFIER_MODEL, context: w > 0 ? { ...ctx, weight: w } : null }, [], [], vectors);
      pred.forEach((p, i) => { n++; if (p.layer === st.sentences[i]!.layer) ok++; else if (process.env.V && w === weights[weights.length - 1]) console.log(`${st.id} gold ${st.sentences[i]!.layer} got ${p.layer} | ${texts[i]!.slice(0, 100)}`); });
    }
    console.log(`${name} w=${w} ${(ok / n).toFixed(3)} (${ok}/${n})`);
  }
}
