package dev.ascent.growthplan.playbook;

/**
 * What an action earns. In a founder-led organisation a plan puts every {@link #CREDIBILITY}
 * action (command of the product, its customers and the business) before any {@link #STRATEGY}
 * action, because strategic proposals land only once that credibility exists.
 */
public enum ActionCategory {
    CREDIBILITY,
    STRATEGY
}
