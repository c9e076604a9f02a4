// A small realistic library for the search tests: real-ish ML papers, accented and CJK names, a hostile
// title, user tags/notes/statuses, several profiles.
import type { SearchDoc } from '../../../electron/core/search/index.js';
import { SearchEngine } from '../../../electron/core/search/index.js';

type Seed = Partial<SearchDoc> & Pick<SearchDoc, 'id' | 'title' | 'authors' | 'date'>;

const DEEPMIND = { id: 'a-deepmind', name: 'Google DeepMind Research' };
const HUSSENOT = { id: 'a-hussenot', name: 'Léonard Hussenot' };
const ZHANG = { id: 'a-zhang', name: 'Wei Zhang' };

function doc(seed: Seed, profiles: Array<{ id: string; name: string }> = [DEEPMIND]): SearchDoc {
  return {
    orgs: [],
    abstract: '',
    tags: [],
    note: '',
    category: 'cs.LG',
    status: 'unread',
    addedAt: '2024-08-01T10:00:00.000Z',
    profileIds: profiles.map((p) => p.id),
    profileNames: profiles.map((p) => p.name),
    year: seed.date === '' ? null : Number(seed.date.slice(0, 4)),
    ...seed,
  };
}

export const CORPUS: SearchDoc[] = [
  doc(
    {
      id: 'bond',
      title: 'BOND: Aligning LLMs with Best-of-N Distillation',
      authors: ['Pier Giuseppe Sessa', 'Robert Dadashi', 'Léonard Hussenot', 'Johan Ferret', 'Nino Vieillard'],
      orgs: ['Google DeepMind'],
      abstract:
        'Reinforcement learning from human feedback (RLHF) is a key driver of quality and safety in state-of-the-art large language models. We propose Best-of-N Distillation (BOND), a novel RLHF algorithm that seeks to emulate Best-of-N sampling without its inference-time overhead.',
      date: '2024-07-19',
      tags: ['rlhf', 'to read'],
      note: 'Compare with WARP; the Jeffreys divergence trick is neat.',
      status: 'reading',
    },
    [DEEPMIND, HUSSENOT],
  ),
  doc(
    {
      id: 'hyper-il',
      title: 'Hyperparameter Selection for Imitation Learning',
      authors: ['Leonard Hussenot', 'Marcin Andrychowicz', 'Damien Vincent', 'Robert Dadashi', 'Olivier Pietquin'],
      orgs: ['Google Research, Brain Team'],
      abstract:
        'We address the issue of tuning hyperparameters (HPs) for imitation learning algorithms in the context of continuous-control, when the underlying reward function of the demonstrating expert cannot be observed at any time.',
      date: '2021-05-25',
      category: 'LG',
      tags: ['imitation'],
      status: 'read',
    },
    [HUSSENOT],
  ),
  doc({
    id: 'gemma',
    title: 'Gemma: Open Models Based on Gemini Research and Technology',
    authors: ['Gemma Team', 'Thomas Mesnard', 'Cassidy Hardin', 'Robert Dadashi', 'Léonard Hussenot'],
    orgs: ['Google DeepMind'],
    abstract:
      'This work introduces Gemma, a family of lightweight, state-of-the art open models built from the research and technology used to create Gemini models.',
    date: '2024-03-13',
    category: 'cs.CL',
    tags: ['llm', 'open weights'],
  }),
  doc({
    id: 'gemma2',
    title: 'Gemma 2: Improving Open Language Models at a Practical Size',
    authors: ['Gemma Team', 'Morgane Riviere', 'Shreya Pathak', 'Léonard Hussenot'],
    orgs: ['Google DeepMind'],
    abstract:
      'In this work, we introduce Gemma 2, a new addition to the Gemma family of lightweight, state-of-the-art open models, ranging in scale from 2 billion to 27 billion parameters. We apply knowledge distillation to train the smaller models.',
    date: '2024-07-31',
    category: 'cs.CL',
    tags: ['llm', 'open weights'],
    status: 'read',
  }),
  doc({
    id: 'gemini',
    title: 'Gemini: A Family of Highly Capable Multimodal Models',
    authors: ['Gemini Team', 'Rohan Anil', 'Sebastian Borgeaud'],
    orgs: ['Google'],
    abstract: 'This report introduces a new family of multimodal models, Gemini, that exhibit remarkable capabilities across image, audio, video, and text understanding.',
    date: '2023-12-19',
    category: 'cs.CL',
    tags: ['llm'],
  }),
  doc({
    id: 'gemini15',
    title: 'Gemini 1.5: Unlocking multimodal understanding across millions of tokens of context',
    authors: ['Gemini Team', 'Petko Georgiev', 'Ving Ian Lei'],
    abstract: 'In this report, we introduce the Gemini 1.5 family of models, representing the next generation of highly compute-efficient multimodal models.',
    date: '2024-03-08',
    category: 'cs.CL',
  }),
  doc({
    id: 'warp',
    title: 'WARP: On the Benefits of Weight Averaged Rewarded Policies',
    authors: ['Alexandre Ramé', 'Johan Ferret', 'Nino Vieillard', 'Robert Dadashi', 'Léonard Hussenot'],
    abstract: 'Reinforcement learning from human feedback (RLHF) aligns large language models by encouraging their generations to have high rewards, using a reward model trained on human preferences.',
    date: '2024-06-24',
    tags: ['rlhf'],
  }),
  doc({
    id: 'kd-survey',
    title: 'A Survey on Knowledge Distillation of Large Language Models',
    authors: ['Xiaohan Xu', 'Ming Li', 'Chongyang Tao'],
    abstract: 'This survey presents an in-depth exploration of knowledge distillation (KD) techniques for transferring advanced capabilities from proprietary LLMs to open-source ones.',
    date: '2024-02-20',
    category: 'cs.CL',
  }),
  doc({
    id: 'distil-abstract-only',
    title: 'Efficient Inference for Mixture-of-Experts Transformers',
    authors: ['Anna Kowalski', 'Pedro Alves'],
    abstract: 'We study routing, batching and expert parallelism. As a side result we show that a light distillation step recovers the quality lost by pruning experts.',
    date: '2023-10-02',
  }),
  doc(
    {
      id: 'cjk',
      title: 'Scaling Laws for Multilingual Speech Recognition',
      authors: ['王小明', '李华', '田中太郎', 'Wei Zhang'],
      orgs: ['清华大学'],
      abstract: 'We measure how word error rate falls with model size and data across 100 languages.',
      date: '2022-11-30',
      category: 'eess.AS',
      tags: ['speech'],
    },
    [ZHANG],
  ),
  doc({
    id: 'xss',
    title: 'Robustness of Parsers to <img src=x onerror=alert(1)> Injection',
    authors: ['Mallory Attacker'],
    abstract: 'Untrusted markup inside metadata must be rendered as text.',
    date: '2020-04-01',
    category: 'cs.CR',
    tags: ['security'],
  }),
  doc({
    id: 'strasse',
    title: 'Große Sprachmodelle und Ærøskøbing Benchmarks',
    authors: ['Jürgen Straßburger', 'Ærin Ødegård'],
    orgs: ['Universität Göttingen'],
    abstract: 'A German and Danish evaluation suite for instruction following.',
    date: '2023-05-05',
    category: 'cs.CL',
  }),
  doc({
    id: 'vdberg',
    title: 'Contrastive Representation Learning for Tabular Data',
    authors: ['Anna van der Berg', 'Tom Berger'],
    abstract: 'We propose a contrastive objective for heterogeneous tables with missing values.',
    date: '2019-09-09',
    category: 'stat.ML',
    status: 'read',
  }),
  doc({
    id: 'dqn',
    title: 'Human-level control through deep reinforcement learning',
    authors: ['Volodymyr Mnih', 'Koray Kavukcuoglu', 'David Silver'],
    abstract: 'We use recent advances in training deep neural networks to develop a novel artificial agent, termed a deep Q-network, that can learn successful policies directly from high-dimensional sensory inputs.',
    date: '2015-02-26',
    tags: ['classic', 'rl'],
    status: 'read',
  }),
  doc({
    id: 'ppo',
    title: 'Proximal Policy Optimization Algorithms',
    authors: ['John Schulman', 'Filip Wolski', 'Prafulla Dhariwal', 'Alec Radford', 'Oleg Klimov'],
    abstract: 'We propose a new family of policy gradient methods for reinforcement learning, which alternate between sampling data through interaction with the environment and optimizing a surrogate objective function.',
    date: '2017-07-20',
    tags: ['classic', 'rl'],
  }),
  doc({
    id: 'attention',
    title: 'Attention Is All You Need',
    authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Jakob Uszkoreit', 'Llion Jones'],
    abstract: 'The dominant sequence transduction models are based on complex recurrent or convolutional neural networks. We propose a new simple network architecture, the Transformer, based solely on attention mechanisms.',
    date: '2017-06-12',
    category: 'cs.CL',
    tags: ['classic'],
    note: 'Read section 3.2 again: multi-head attention.',
    status: 'read',
  }),
  doc({
    id: 'distilbert',
    title: 'DistilBERT, a distilled version of BERT: smaller, faster, cheaper and lighter',
    authors: ['Victor Sanh', 'Lysandre Debut', 'Julien Chaumond', 'Thomas Wolf'],
    abstract: 'We propose a method to pre-train a smaller general-purpose language representation model, called DistilBERT, which can be fine-tuned with good performances on a wide range of tasks.',
    date: '2019-10-02',
    category: 'cs.CL',
  }),
  doc({
    id: 'hinton-kd',
    title: 'Distilling the Knowledge in a Neural Network',
    authors: ['Geoffrey Hinton', 'Oriol Vinyals', 'Jeff Dean'],
    abstract: 'A very simple way to improve the performance of almost any machine learning algorithm is to train many different models on the same data and then to average their predictions.',
    date: '2015-03-09',
    category: 'stat.ML',
    tags: ['classic'],
  }),
  doc({
    id: 'rlhf-instruct',
    title: 'Training language models to follow instructions with human feedback',
    authors: ['Long Ouyang', 'Jeff Wu', 'Xu Jiang', 'Diogo Almeida'],
    abstract: 'Making language models bigger does not inherently make them better at following a user intent. We fine-tune GPT-3 with reinforcement learning from human feedback.',
    date: '2022-03-04',
    category: 'cs.CL',
    tags: ['rlhf'],
  }),
  doc({
    id: 'dpo',
    title: 'Direct Preference Optimization: Your Language Model is Secretly a Reward Model',
    authors: ['Rafael Rafailov', 'Archit Sharma', 'Eric Mitchell', 'Stefano Ermon', 'Chelsea Finn'],
    abstract: 'We introduce a new parameterization of the reward model in RLHF that enables extraction of the corresponding optimal policy in closed form.',
    date: '2023-05-29',
    tags: ['rlhf', 'to read'],
  }),
  doc({
    id: 'gail',
    title: 'Generative Adversarial Imitation Learning',
    authors: ['Jonathan Ho', 'Stefano Ermon'],
    abstract: 'Consider learning a policy from example expert behavior, without interaction with the expert or access to reinforcement signal.',
    date: '2016-06-10',
    tags: ['imitation', 'classic'],
    status: 'reading',
  }),
  doc({
    id: 'resnet',
    title: 'Deep Residual Learning for Image Recognition',
    authors: ['Kaiming He', 'Xiangyu Zhang', 'Shaoqing Ren', 'Jian Sun'],
    abstract: 'Deeper neural networks are more difficult to train. We present a residual learning framework to ease the training of networks that are substantially deeper than those used previously.',
    date: '2015-12-10',
    category: 'CV',
    tags: ['classic'],
  }),
  doc({
    id: 'vit',
    title: 'An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale',
    authors: ['Alexey Dosovitskiy', 'Lucas Beyer', 'Alexander Kolesnikov'],
    abstract: 'While the Transformer architecture has become the de-facto standard for natural language processing tasks, its applications to computer vision remain limited.',
    date: '2020-10-22',
    category: 'cs.CV',
  }),
  doc({
    id: 'diffusion',
    title: 'Denoising Diffusion Probabilistic Models',
    authors: ['Jonathan Ho', 'Ajay Jain', 'Pieter Abbeel'],
    abstract: 'We present high quality image synthesis results using diffusion probabilistic models, a class of latent variable models inspired by considerations from nonequilibrium thermodynamics.',
    date: '2020-06-19',
    category: 'cs.LG',
    note: 'Pairs well with score matching papers.',
  }),
  doc({
    id: 'chinchilla',
    title: 'Training Compute-Optimal Large Language Models',
    authors: ['Jordan Hoffmann', 'Sebastian Borgeaud', 'Arthur Mensch', 'Laurent Sifre'],
    orgs: ['DeepMind'],
    abstract: 'We investigate the optimal model size and number of tokens for training a transformer language model under a given compute budget.',
    date: '2022-03-29',
    category: 'cs.CL',
    tags: ['scaling'],
  }),
  doc({
    id: 'lora',
    title: 'LoRA: Low-Rank Adaptation of Large Language Models',
    authors: ['Edward J. Hu', 'Yelong Shen', 'Phillip Wallis', 'Zeyuan Allen-Zhu'],
    abstract: 'We propose Low-Rank Adaptation, or LoRA, which freezes the pre-trained model weights and injects trainable rank decomposition matrices into each layer of the Transformer architecture.',
    date: '2021-06-17',
    category: 'cs.CL',
    note: 'Use for the fine-tuning experiments next month.',
  }),
  doc({
    id: 'sac',
    title: 'Soft Actor-Critic: Off-Policy Maximum Entropy Deep Reinforcement Learning with a Stochastic Actor',
    authors: ['Tuomas Haarnoja', 'Aurick Zhou', 'Pieter Abbeel', 'Sergey Levine'],
    abstract: 'Model-free deep reinforcement learning algorithms have been demonstrated on a range of challenging decision making and control tasks.',
    date: '2018-01-04',
    tags: ['rl'],
  }),
  doc({
    id: 'primal-wasserstein',
    title: 'Primal Wasserstein Imitation Learning',
    authors: ['Robert Dadashi', 'Léonard Hussenot', 'Matthieu Geist', 'Olivier Pietquin'],
    abstract: 'Imitation Learning (IL) methods seek to match the behavior of an agent with that of an expert.',
    date: '2020-06-05',
    tags: ['imitation'],
    status: 'read',
  }),
  doc({
    id: 'gamma',
    title: 'Adaptive Gamma Correction for Low-Light Image Enhancement',
    authors: ['Mei Chen', 'Rahul Gupta'],
    abstract: 'We learn a per-pixel tone curve that brightens dark regions without amplifying noise.',
    date: '2018-08-08',
    category: 'eess.IV',
  }),
  doc(
    {
      id: 'no-category',
      title: 'Notes on Reward Hacking in Language Models',
      authors: ['Chris Olah'],
      abstract: '',
      date: '2024-01-15',
      category: null,
    },
    [],
  ),
];

export function engineWith(docs: readonly SearchDoc[] = CORPUS): SearchEngine {
  const engine = new SearchEngine();
  engine.addAll(docs.map((d) => structuredClone(d)));
  return engine;
}

export function docById(id: string): SearchDoc {
  const found = CORPUS.find((d) => d.id === id);
  if (found === undefined) throw new Error(`no test doc ${id}`);
  return structuredClone(found);
}
