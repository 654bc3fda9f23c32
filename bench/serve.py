"""Start the real app on a synthetic dataset: `python -m bench.serve SIZE [streamlit options]`.
SIZE is 'shipped' for the curated data. The app code is unchanged; only its loader is pointed
at the generated data."""

import sys

from streamlit.web import cli as streamlit_cli

from bench.synthetic import dataset_for

if __name__ == "__main__":
    size, options = sys.argv[1], sys.argv[2:]
    if size != "shipped":
        import dashboard.ui.loading as loading

        data = dataset_for(size)
        loading.load_dataset = lambda *_args, **_kwargs: data
    sys.argv = ["streamlit", "run", "dashboard/app.py", *options]
    sys.exit(streamlit_cli.main())
