package org.lodestar.bench;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/**
 * The words synthetic pages are written with. A word that contains an edge key or a type key is
 * dropped: the seed format glues keys to labels without separators, so such a word could be read
 * as a key ("causes" ends with "uses") and the generated page would not say what was meant.
 * Some words carry non-ASCII letters and punctuation, as real labels do.
 */
final class Words {
    final String[] nouns, adjectives, verbs, firstNames, lastNames, starts;

    private static final String NOUNS = """
            model agent reward policy training objective preference behaviour deception oversight evaluation
            benchmark dataset gradient optimizer representation circuit feature neuron attention transformer
            language reasoning planning memory interpretability robustness generalization alignment safety
            capability corrigibility honesty sycophancy scheming awareness monitoring feedback debate
            amplification distillation verification specification uncertainty calibration inference sampling
            decoding prompt context scratchpad chain thought persona simulator value norm principle constitution
            critique revision label annotator contractor deployment environment task goal subgoal incentive
            mechanism game equilibrium auction market institution governance regulation audit risk threat hazard
            failure error bias fairness privacy security jailbreak attack defence watermark provenance scaling
            compute data parameter loss curve law trend forecast timeline takeoff economy labour automation science
            theory hypothesis experiment result measurement metric score signal noise proxy tampering hacking gaming
            exploitation exploration curiosity search tree graph network ontology knowledge belief desire intention
            emotion consciousness sentience welfare rights autonomy control power influence persuasion manipulation
            coordination cooperation conflict bargaining commitment trust reputation transparency explanation
            faithfulness consistency coherence stability drift shift distribution anomaly outlier detection probe
            steering activation patching ablation sparsity dictionary autoencoder superposition polysemanticity
            embedding retrieval tokenizer vocabulary syntax semantics pragmatics grounding perception vision
            robotics control manipulation locomotion navigation simulation emulation abstraction compositionality
            modularity hierarchy recursion induction deduction abduction analogy metaphor causality counterfactual
            intervention confounder estimator variance regularization overfitting underfitting curriculum
            pretraining finetuning adapter quantization pruning sharding throughput latency memory bandwidth
            hardware chip accelerator cluster datacenter energy carbon footprint cost budget investment funding
            lab company startup consortium standard protocol license disclosure transcript classifier filter
            refusal compliance gap situation awareness sandbagging collusion exfiltration weights backdoor
            sleeper trigger poisoning contamination leakage memorization extraction inversion membership
            robustness certificate bound guarantee proof theorem lemma conjecture paradox dilemma trade-off
            frontier horizon trajectory landscape basin attractor phase transition emergence grokking plateau
            Gödel Bayes Pareto Nash Markov Turing Shannon Kolmogorov Solomonoff Occam Goodhart Schelling
            """;

    private static final String ADJECTIVES = """
            strategic deceptive opaque latent explicit implicit robust brittle adversarial cooperative
            competitive emergent superficial deep shallow sparse dense recursive iterative scalable
            interpretable mechanistic causal counterfactual probabilistic bayesian formal empirical
            theoretical behavioural cognitive social economic political ethical moral normative
            descriptive prescriptive instrumental terminal convergent divergent misaligned aligned
            corrigible honest helpful harmless harmful benign malicious dangerous catastrophic existential
            systemic local global temporal spatial multimodal linguistic visual auditory embodied
            autonomous supervised unsupervised reinforced self-supervised synthetic natural artificial
            human collective individual distributed centralized federated open closed public private
            naïve sophisticated simple complex partial total gradual sudden slow fast early late
            long-term short-term high-level low-level fine-grained coarse-grained out-of-distribution
            in-context zero-shot few-shot chain-of-thought post-hoc ad-hoc a-priori Bayes–Nash
            """;

    private static final String VERBS = """
            shows finds argues suggests proposes demonstrates reports measures predicts explains
            describes defines names frames reframes questions challenges refines generalizes formalizes
            operationalizes quantifies estimates tracks links connects relates compares contrasts
            grounds illustrates documents replicates reproduces confirms weakens strengthens qualifies
            """;

    private static final String FIRST_NAMES = """
            Anna Ben Carla David Elena Farid Grace Hiro Ines Jonas Kavya Liam Maya Noah Olga Pablo Qiu Rosa
            Sami Tara Umar Vera Wei Ximena Yusuf Zoë José Søren Łukasz Jürgen Ngozi Aiko Chloé Mateo Priya
            Tomás Ingrid Kwame Leila Marek Nadia Oren Petra Rafael Sofia Teodor Ulla Viktor Wanjiru Yara
            Adele Bruno Cyrus Dara Emeka Fatima Gustav Hana Ivan Jasmin Kenji Lucía Mihai Nora Omar Paula
            Ravi Selin Tobias Uma Valentina Wiebke Xavier Yosef Zainab Björn Dvořák Émile Ágnes Ömer Ñusta
            """;

    private static final String LAST_NAMES = """
            Müller Gödel Erdős Núñez Kowalczyk Nguyen O’Brien Okafor Tanaka Schmidt Rossi Silva Kim Park Chen
            Wang Zhang Singh Patel Kumar Ivanova Novak Horvat Jensen Larsen Andersson Lindqvist Virtanen
            Dubois Lefèvre Moreau García Fernández López Martínez Romero Costa Ferreira Almeida Oliveira
            Cohen Levi Friedman Goldberg Rosenberg Mizrahi Haddad Khalil Nasser Farouk Mensah Boateng Adeyemi
            Okonkwo Mwangi Kamau Otieno Ndlovu Dlamini Sato Suzuki Takahashi Watanabe Yamamoto Nakamura
            Kobayashi Yoshida Hayashi Kato Ishikawa Morales Castillo Vargas Herrera Medina Aguilar Reyes Cruz
            Brennan Carlsmith Hubinger Greenblatt Christiano Leike Amodei Olah Russell Bostrom Yudkowsky
            Armstrong Everitt Krakovna Hadfield Shah Steinhardt Hendrycks Burns Casper Ngo Kenton Irving
            Wolff Becker Hoffmann Schäfer Koch Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun
            Krüger Hofmann Hartmann Lange Werner Krause Lehmann Köhler Maier Walter König Huber Kaiser
            Fuchs Peters Lang Scholz Möller Weiß Jung Hahn Vogel Friedrich Keller Günther Frank Berger
            Winkler Roth Beck Lorenz Baumann Franke Albrecht Ludwig Böhm Winter Kraus Martin Simon Böttcher
            """;

    private static final String STARTS = """
            Could Does How Why When Is Can Should Will What Which Under
            """;

    Words(Collection<String> forbidden) {
        nouns = clean(NOUNS, forbidden);
        adjectives = clean(ADJECTIVES, forbidden);
        verbs = clean(VERBS, forbidden);
        firstNames = clean(FIRST_NAMES, forbidden);
        lastNames = clean(LAST_NAMES, forbidden);
        starts = clean(STARTS, forbidden);
    }

    private static String[] clean(String list, Collection<String> forbidden) {
        return Arrays.stream(list.trim().split("\\s+"))
                .filter(w -> forbidden.stream().noneMatch(k -> w.toLowerCase(Locale.ROOT).contains(k)))
                .distinct()
                .toArray(String[]::new);
    }
}
