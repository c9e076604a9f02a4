// The corpus vocabulary: a few hundred real research words plus deterministic made-up words (to a few
// thousand in all), ranked so that word frequencies follow a Zipf-like law: "learning" and "model" are in
// most papers, "distillation" in a few percent, the made-up tail in a handful each.
import { Rng, WeightedPicker } from './rng.js';

/** Very common in any ML library: the top ranks, in this order. */
const GENERIC = 'learning model models data training neural network language large deep performance method results approach'.split(' ');

const REAL = `
reinforcement policy reward distillation knowledge attention transformer transformers image images vision speech
recognition generative adversarial diffusion optimization gradient gradients stochastic convex sparse dense retrieval
alignment human feedback preference scaling laws efficient inference memory compute benchmark benchmarks evaluation
robust robustness privacy federated graph graphs representation representations contrastive self supervised
unsupervised semi imitation control agent agents multi task tasks transfer domain adaptation fine tuning pretraining
embedding embeddings token tokens context window sequence sequences recurrent convolutional residual shallow bayesian
variational posterior prior uncertainty calibration causal discovery temporal spatial video audio text summarization
translation question answering reasoning chain thought mathematical theorem proving code generation program synthesis
search planning exploration exploitation bandit bandits offline online continual lifelong meta few shot zero
instruction following chat dialogue safety toxicity bias fairness interpretability explanation mechanistic circuits
features probing linear nonlinear kernel gaussian process mixture experts routing quantization pruning compression
hardware accelerator latency throughput parallel distributed decentralized asynchronous synchronous communication
protocol theoretical empirical analysis framework architecture architectures layer layers normalization dropout
regularization overfitting generalization sample complexity bound bounds convergence rate rates iterative algorithm
algorithms heuristic approximate exact estimation estimator estimators variance reduction sampling importance
monte carlo markov decision processes hierarchical modular compositional symbolic neuro logic knowledge graphs
ontology semantic syntactic parsing tagging entity entities relation extraction classification regression clustering
segmentation detection tracking localization mapping navigation manipulation robot robots robotic grasping locomotion
simulation simulator real world physical dynamics trajectory trajectories forecasting prediction predictive time series
anomaly outlier medical clinical health genomics protein molecular chemistry materials climate weather energy finance
economic social network networks recommendation ranking user users personalization advertising fraud security attack
attacks defense adversarially certified verification formal specification testing debugging software compiler
hardware-aware energy-efficient mobile edge devices cloud serving deployment production monitoring drift shift
distribution distributions covariate label noise noisy weak labels annotation crowdsourcing active curriculum
augmentation synthetic dataset datasets corpus corpora multilingual cross lingual low resource morphology phonetic
acoustic prosody emotion sentiment opinion stance misinformation factuality hallucination grounding retrieval-augmented
memory-efficient long short horizon open vocabulary multimodal vision-language captioning visual grounding scene
depth stereo point cloud clouds mesh neural rendering radiance fields implicit geometry pose estimation face faces
identity generation editing inpainting super resolution denoising restoration compression codec streaming
tokenizer tokenization byte character subword vocabulary decoding beam greedy sampling temperature nucleus
speculative caching sparse-attention linear-attention state space recurrent-free mamba mixture-of-experts scaling-law
emergent abilities capability capabilities evaluation-suite leaderboard contamination memorization privacy-preserving
differential secure aggregation unlearning watermarking provenance copyright licensing governance policy-making
society ethics values constitutional oversight debate amplification scalable supervision weak-to-strong
`.split(/\s+/).filter((w) => w !== '');

/** Function words mixed into sentences (not ranked: drawn separately). */
export const FILLER = 'the of and for with in on a to we our this that is are by from as an at which these can'.split(' ');

const ONSETS = 'b c d f g h k l m n p r s t v z b d g l m n p r s t br cr dr fl gr pl pr st tr ch sh th'.split(' ');
const VOWELS = 'a e i o u a e i o u a e i o ia io ea ou'.split(' ');
const CODAS = ' , , , , , ,n,r,s,l,m,t,nd,rt,st,x'.split(',');
const SUFFIXES = ',,,,,,,,ation,ity,ive,al,ism,ic,ology,ment,ance,ous,ing,ized,ide,ine'.split(',');

/** A pronounceable made-up word ("dalgen", "toristic"). */
export function makePseudoWord(rng: Rng): string {
  let word = '';
  const syllables = rng.chance(0.65) ? 2 : 3;
  for (let s = 0; s < syllables; s++) word += rng.pick(ONSETS) + rng.pick(VOWELS) + rng.pick(CODAS).trim();
  return word + rng.pick(SUFFIXES);
}

export interface Vocabulary {
  words: readonly string[];
  /** A word drawn with Zipf-like frequency. */
  word(rng: Rng): string;
}

/**
 * `size` distinct words: GENERIC first, then the real words and the first made-up words mixed over the next
 * ranks, then the made-up tail. None of `reserved` (the planted known-answer words) is ever produced.
 */
export function buildVocabulary(seed: number, size: number, reserved: ReadonlySet<string>): Vocabulary {
  const rng = new Rng(seed);
  const seen = new Set<string>([...GENERIC, ...REAL]);
  const pseudo: string[] = [];
  while (GENERIC.length + REAL.length + pseudo.length < size) {
    const w = makePseudoWord(rng);
    if (w.length < 4 || w.length > 14 || seen.has(w) || reserved.has(w)) continue;
    seen.add(w);
    pseudo.push(w);
  }
  const realRest = REAL.filter((w) => !GENERIC.includes(w) && !reserved.has(w));
  const head = rng.shuffle([...realRest, ...pseudo.slice(0, 600)]);
  const tail = rng.shuffle(pseudo.slice(600));
  const words = [...GENERIC, ...head, ...tail];
  // Zipf with s ≈ 1: rank r drawn with weight 1/(r+8).
  const picker = new WeightedPicker(words, (r) => 1 / (r + 8));
  return { words, word: (r) => picker.pick(r) };
}
