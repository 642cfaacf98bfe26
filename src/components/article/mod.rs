//! The article: header (breadcrumb, kicker, title, standfirst, byline, dates), hero, body with related links, tags.

mod article_view;
mod body;
mod breadcrumb;
mod byline;
mod hero;
mod related;
mod tags;

pub use article_view::{ArticleView, ArticleViewProps};
pub use body::Body;
pub use breadcrumb::Breadcrumb;
pub use byline::Byline;
pub use hero::HeroFigure;
pub use related::RelatedBlock;
pub use tags::TagList;
