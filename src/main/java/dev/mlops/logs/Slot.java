package dev.mlops.logs;

/** A {@link Rule} compiled for reading: its precedence among the rules of its field. */
final class Slot {
    final Rule rule;
    final Field field;
    final Field.Kind kind;
    final Rule.How how;
    /** Lower wins. */
    final int priority;

    Slot(Rule rule, int priority) {
        this.rule = rule;
        this.field = rule.field();
        this.kind = rule.field().kind();
        this.how = rule.how();
        this.priority = priority;
    }
}
