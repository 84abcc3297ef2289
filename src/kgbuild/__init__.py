"""kgbuild: a knowledge-graph builder for historians, from Russian news texts to RDF."""
