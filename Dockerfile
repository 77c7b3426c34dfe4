FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml constraints.txt README.md ./
COPY ontology ontology
COPY ingest ingest
COPY queries queries
COPY visual visual
COPY api api
COPY data data
RUN pip install --no-cache-dir -c constraints.txt . \
    && useradd --create-home rsg
USER rsg
ENV RSG_HOME=/home/rsg/.rsg \
    RSG_DATA_DIR=/app/data
EXPOSE 8000
CMD ["sh", "-c", "rsg build && rsg serve --host 0.0.0.0 --port 8000"]
