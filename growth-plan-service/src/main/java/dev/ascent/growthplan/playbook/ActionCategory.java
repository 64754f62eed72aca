package dev.ascent.growthplan.playbook;

/**
 * What an action earns. In a founder-led organisation a plan puts every {@link #CREDIBILITY}
 * action (proven command of how the product works, who buys it and how it earns) before any {@link #STRATEGY}
 * action, because strategic proposals land only once that credibility exists.
 */
public enum ActionCategory {
    CREDIBILITY,
    STRATEGY
}
