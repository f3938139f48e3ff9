//! Prints what each stage found in a text read from standard input:
//! sentences, mentions with their resolved actor, and relations.
//! `echo "Egypt accused Qatar." | cargo run --example trace`
//! (with `TRACE_POS=1`, the POS-tagged tokens first)

use actorgraph::{Document, Pipeline};
use std::io::Read;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let pipeline = Pipeline::builtin()?;
    let ex = pipeline.extract(&Document::new("stdin", text.clone()));
    if std::env::var_os("TRACE_POS").is_some() {
        let mut analysis = actorgraph::text::analyze(&text);
        actorgraph::text::tag(&mut analysis);
        let tagged: Vec<String> = analysis
            .tokens
            .iter()
            .map(|t| format!("{}/{}", t.norm, t.tag()))
            .collect();
        println!("{}", tagged.join(" "));
    }
    for (si, s) in ex.sentences.iter().enumerate() {
        println!("[{si}] {}", &text[s.start..s.end]);
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
