# The API image of the team deployment (docker-compose.yml). The Python dependencies bring the
# Hangul font of PNG/SVG/PDF pictures (NanumGothic), so no system font package is needed.
FROM python:3.11-slim
WORKDIR /app
RUN useradd --create-home --uid 1000 rsg
COPY pyproject.toml constraints.txt README.md ./
COPY ontology ontology
COPY ingest ingest
COPY queries queries
COPY visual visual
COPY api api
RUN pip install --no-cache-dir -c constraints.txt .
# The curated data: review accepts write into it, so it belongs to the app's user (and
# docker-compose.yml keeps it in a volume).
COPY --chown=rsg:rsg data data
# RSG_HOME (build lock, RDF exports, review queue, saved queries): made here and owned by rsg,
# because a named volume mounted on it takes over the owner of the image's folder.
RUN mkdir -p /home/rsg/.rsg && chown rsg:rsg /home/rsg/.rsg
USER rsg
ENV RSG_HOME=/home/rsg/.rsg \
    RSG_DATA_DIR=/app/data \
    RSG_API_HOST=0.0.0.0 \
    RSG_API_PORT=8000
EXPOSE 8000
# Serving on 0.0.0.0 needs RSG_API_KEY: rsg serve refuses to start without it.
CMD ["sh", "-c", "rsg build && rsg serve"]
