//! Prints what each stage found in a text read from standard input:
//! sentences, mentions with their resolved actor, and relations.
//! `echo "Egypt accused Qatar." | cargo run --example trace`
//! (with the dependency tree of each sentence as word/tag/head/label)

use actorgraph::{Document, Pipeline};
use std::io::Read;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let pipeline = Pipeline::builtin()?;
    let ex = pipeline.extract(&Document::new("stdin", text.clone()));
    // the dependency tree of every sentence, as word/tag/head/label (heads 1-based)
    let mut analysis = actorgraph::text::analyze(&text);
    actorgraph::text::tag(&mut analysis);
    let all = vec![true; analysis.sentences.len()];
    // multi-word names are parsed as one word, as the pipeline does
    let names = actorgraph::parse_units(&analysis, &ex.mentions);
    actorgraph::text::parse(&mut analysis, &all, &names);
    for (si, s) in ex.sentences.iter().enumerate() {
        println!("[{si}] {}", &text[s.start..s.end]);
        if let Some(sent) = analysis.sentences.get(si) {
            let r = sent.tokens.clone();
            let tree: Vec<String> = analysis.tokens[r.clone()]
                .iter()
                .map(|t| {
                    let h = t.head.map_or(0, |h| h - r.start + 1);
                    format!("{}/{}/{h}/{}", t.norm, t.tag(), t.dep)
                })
                .collect();
            println!("    tree {}", tree.join(" "));
            // what the statistical NER found, before any rule
            let words: Vec<&str> = analysis.tokens[r.clone()]
                .iter()
                .map(|t| t.norm.as_str())
                .collect();
            let pos: Vec<_> = analysis.tokens[r].iter().filter_map(|t| t.pos).collect();
            let ner: Vec<String> = actorgraph::ner::NerTagger::builtin()
                .entities(&words, &pos)
                .iter()
                .map(|e| format!("{}:{}", words[e.start..e.end].join(" "), e.kind.as_str()))
                .collect();
            println!("    ner {}", ner.join(" | "));
        }
        for m in ex
            .mentions
            .iter()
            .filter(|m| m.span.start >= s.start && m.span.end <= s.end)
        {
            let actor = m.actor.map(|a| ex.actors[a].label.as_str()).unwrap_or("?");
            println!(
                "    mention {:?} {:?} -> {actor}",
                &text[m.span.start..m.span.end],
                m.how
            );
        }
        for e in ex.events.iter().filter(|e| e.sentence == si) {
            println!(
                "    EVENT {} -{}-> {} [{}] {} conf={:.2} trigger={:?}",
                ex.actors[e.source].label,
                e.relation,
                ex.actors[e.target].label,
                e.cameo,
                e.modality.as_str(),
                e.confidence,
                &text[e.trigger.start..e.trigger.end]
            );
        }
    }
    Ok(())
}
