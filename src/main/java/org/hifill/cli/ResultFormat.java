package org.hifill.cli;

/** How a benchmark prints its results: for people, or as one line of JSON for a program (bench report). */
enum ResultFormat { text, json }
