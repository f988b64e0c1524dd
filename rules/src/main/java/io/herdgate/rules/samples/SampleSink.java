package io.herdgate.rules.samples;

/** Receives samples in file order, values in the file's unit. */
@FunctionalInterface
public interface SampleSink {

    void accept(double ax, double ay, double az);
}
